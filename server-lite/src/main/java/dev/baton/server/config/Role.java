package dev.baton.server.config;

import java.util.Locale;

/** What a token may do. Admin may do everything; operate includes read; ingest only sends alerts. */
public enum Role {
  INGEST, READ, OPERATE, ADMIN;

  public boolean allows(Role required) {
    switch (this) {
      case ADMIN:
        return true;
      case OPERATE:
        return required == OPERATE || required == READ;
      default:
        return required == this;
    }
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code ingest}, {@code read}, {@code operate}, {@code admin}; also {@code viewer} and {@code operator}, as people say. */
  public static Role parse(String text) {
    if ("viewer".equals(text)) {
      return READ;
    }
    if ("operator".equals(text)) {
      return OPERATE;
    }
    for (Role role : values()) {
      if (role.wire().equals(text)) {
        return role;
      }
    }
    return null;
  }
}
