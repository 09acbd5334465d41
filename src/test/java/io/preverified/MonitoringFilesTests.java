package io.preverified;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus rules and the Alertmanager example are what Prometheus's and
 * Alertmanager's own tools accept, and the example routes the service's alerts as the
 * README says.
 */
class MonitoringFilesTests {

	private static final File AMTOOL = new File("/usr/bin/amtool");

	private static final File PROMTOOL = new File("/usr/bin/promtool");

	private static final String ALERTMANAGER_YML = "deploy/alertmanager/alertmanager.yml";

	@Test
	void alertmanagerExampleIsValidAndSendsCriticalAlertsToTheOnCallReceiver() throws Exception {
		DebianTools.require("prometheus-alertmanager", AMTOOL);

		assertThat(run(AMTOOL.getPath(), "check-config", ALERTMANAGER_YML)).contains("SUCCESS");
		assertThat(receiver("severity=critical", "stage=EXPIRED")).isEqualTo("pool-on-call");
		assertThat(receiver("severity=critical", "stage=CRITICAL")).isEqualTo("pool-on-call");
		assertThat(receiver("severity=warning", "stage=WARNING")).isEqualTo("pool-team");
		assertThat(receiver("severity=info", "stage=REVERIFY_WINDOW")).isEqualTo("pool-team");
	}

	@Test
	void prometheusRulesAreValid() throws Exception {
		DebianTools.require("prometheus", PROMTOOL);

		assertThat(run(PROMTOOL.getPath(), "check", "rules", "deploy/prometheus/alerts.yml")).contains("SUCCESS");
	}

	private static String receiver(String... labels) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(AMTOOL.getPath(), "config", "routes", "test", "--config.file=" + ALERTMANAGER_YML,
						"alertname=PreverifiedNumberExpiring", "business_id=506914307656634"));
		command.addAll(List.of(labels));
		return run(command.toArray(String[]::new)).lines()
			.filter((line) -> !line.startsWith("Warning"))
			.findFirst()
			.orElse("")
			.trim();
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
