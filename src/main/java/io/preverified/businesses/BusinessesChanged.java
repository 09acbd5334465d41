package io.preverified.businesses;

import java.util.Set;

/**
 * Published on every replica when the businesses it knows changed: one was added, paused,
 * resumed, given another token, or removed.
 *
 * @param added the ids of businesses new to this replica
 * @param removed the ids of businesses gone
 */
public record BusinessesChanged(Set<String> added, Set<String> removed) {

}
