package io.preverified;

import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the tests that start whole instances of the service share, as a JUnit extension
 * registered on a static field: a fake Graph API for the test class, closed after it,
 * instances on schemas of their own wired to that fake, and the wiring of a
 * {@code @SpringBootTest} context to it.
 */
public final class TestServices implements AfterAllCallback {

	private final FakeGraphApi graphApi = FakeGraphApi.start();

	/**
	 * The fake Graph API every instance of this test class calls.
	 * @return the fake
	 */
	public FakeGraphApi graphApi() {
		return this.graphApi;
	}

	/**
	 * Instances on a fresh schema, calling the fake Graph API.
	 * @param schema the schema, dropped first
	 * @return the instances
	 */
	public IsolatedServices isolated(String schema) {
		return isolated(schema, null);
	}

	/**
	 * Instances on a fresh schema that reach PostgreSQL through a relay, calling the fake
	 * Graph API.
	 * @param schema the schema, dropped first
	 * @param relay the relay
	 * @return the instances
	 */
	public IsolatedServices isolated(String schema, TcpRelay relay) {
		return new IsolatedServices(schema, relay, this.graphApi.baseUrl());
	}

	/**
	 * Points a {@code @SpringBootTest} context at the fake Graph API; called from the
	 * test class's {@code @DynamicPropertySource} method.
	 * @param registry the context's dynamic properties
	 */
	public void wire(DynamicPropertyRegistry registry) {
		registry.add(IsolatedServices.GRAPH_API_BASE_URL, this.graphApi::baseUrl);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.graphApi.close();
	}

}
