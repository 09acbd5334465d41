package io.preverified;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules (one per top-level package) depend on each other only through their
 * top-level packages, without cycles.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(PreverifiedSyncApplication.class).verify();
	}

}
