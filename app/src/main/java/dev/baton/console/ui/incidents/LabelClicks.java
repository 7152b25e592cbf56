package dev.baton.console.ui.incidents;

/** Receives clicks on a label value: {@code negate} when Alt was held (adds {@code !=} instead of {@code =}). */
@FunctionalInterface
public interface LabelClicks {
  void clicked(String name, String value, boolean negate);
}
