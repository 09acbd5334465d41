package io.preverified.graphapi;

import java.util.Map;

import org.springframework.http.HttpMethod;

/**
 * One call to the Graph API, as data: what {@link GraphApiTransport} needs to make it.
 *
 * @param businessId the business it is made for: its guard, throttle and metrics
 * @param method the HTTP method
 * @param id the node the path starts at (a business, a number, a WABA)
 * @param edge the edge after the node, such as {@code /request_code}, or empty
 * @param parameters the parameters, sent in the query or, for a POST, as a form
 * @param accessToken the token, sent only in the {@code Authorization} header
 * @param policy how the call is retried
 */
record GraphApiCall(String businessId, HttpMethod method, String id, String edge, Map<String, String> parameters,
		String accessToken, CallPolicy policy) {

	static GraphApiCall read(String businessId, String id, String edge, Map<String, String> parameters,
			String accessToken) {
		return new GraphApiCall(businessId, HttpMethod.GET, id, edge, parameters, accessToken, CallPolicy.READ);
	}

	static GraphApiCall trial(String businessId, String id, String edge, Map<String, String> parameters,
			String accessToken) {
		return new GraphApiCall(businessId, HttpMethod.GET, id, edge, parameters, accessToken, CallPolicy.TRIAL);
	}

	static GraphApiCall write(String businessId, HttpMethod method, String id, String edge,
			Map<String, String> parameters, String accessToken) {
		return new GraphApiCall(businessId, method, id, edge, parameters, accessToken, CallPolicy.WRITE);
	}

	/**
	 * The call's edge without its leading slash, or {@code node} for a call on the node
	 * itself: a name for spans and their timers, never an id.
	 * @return the edge's name
	 */
	String edgeName() {
		return this.edge.isEmpty() ? "node" : this.edge.substring(1);
	}

	@Override
	public String toString() {
		return "GraphApiCall[%s %s%s of business %s]".formatted(this.method, this.id, this.edge, this.businessId);
	}

}
