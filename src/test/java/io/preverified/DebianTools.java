package io.preverified;

import java.io.File;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Programs from Debian's packages that some tests drive. A test without them is skipped,
 * except under {@code CI=true}, where {@code .ci/run} installs them and their absence
 * fails it.
 */
public final class DebianTools {

	private DebianTools() {
	}

	/**
	 * Makes sure programs are installed.
	 * @param packages the Debian packages that hold them, for the message
	 * @param programs their paths
	 */
	public static void require(String packages, File... programs) {
		boolean installed = true;
		for (File program : programs) {
			installed &= program.canExecute();
		}
		if (!installed && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but Debian's " + packages + " are not installed");
		}
		assumeTrue(installed, "Debian's " + packages + " are not installed");
	}

}
