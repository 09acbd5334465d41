package io.preverified.web;

/**
 * A list that {@link ListCache} answers again while the database has not changed. Each
 * module declares its own.
 *
 * @param path the list's path, such as {@code /api/v1/numbers}
 */
public record CachedList(String path) {

}
