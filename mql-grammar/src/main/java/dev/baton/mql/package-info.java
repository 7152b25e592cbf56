/** MQL, Baton's label query and routing language. */
package dev.baton.mql;
