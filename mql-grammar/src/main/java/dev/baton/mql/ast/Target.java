package dev.baton.mql.ast;

import java.util.Objects;

/** Where a routing rule sends a matching incident: a person ({@code @name}) or a team queue ({@code #name}). */
public sealed interface Target permits Target.Person, Target.Team {

    String name();

    record Person(String name) implements Target {
        public Person {
            Objects.requireNonNull(name, "name");
        }
    }

    record Team(String name) implements Target {
        public Team {
            Objects.requireNonNull(name, "name");
        }
    }
}
