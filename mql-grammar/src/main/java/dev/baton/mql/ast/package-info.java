/** The MQL syntax tree: immutable records, equal when they mean the same text after formatting. */
package dev.baton.mql.ast;
