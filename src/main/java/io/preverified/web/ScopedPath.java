package io.preverified.web;

import java.util.Optional;
import java.util.function.Function;

/**
 * Resources named by id under a path, and how to find the business each belongs to: a key
 * limited to some businesses reaches only theirs. Each module declares its own.
 *
 * @param prefix the path before the id, such as {@code /api/v1/numbers/}
 * @param businessOf the business of the resource with an id, empty when there is none
 */
public record ScopedPath(String prefix, Function<String, Optional<String>> businessOf) {

}
