package org.milkbottle.repository.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The bundle's one JSON mapper (thread-safe once configured). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
