package org.milkbottle.sdk.api;

/**
 * A project template.
 *
 * @param name        what {@code mb:create --template} takes, e.g. {@code command}
 * @param description one line on what a project made from it contains
 */
public record Template(String name, String description) {
}
