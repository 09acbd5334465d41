package io.preverified.graphapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;

/**
 * Pages of {@link FakeGraphApi} rendered before a benchmark measures, so that the fake
 * answers from memory and is not what is measured.
 */
final class RenderedPages {

	private final Map<String, MockResponse> pages = new ConcurrentHashMap<>();

	/**
	 * Renders every page of a business as the service asks for them: the first without a
	 * cursor, each next one after the cursor of the record before it.
	 */
	void render(String baseUrl, String businessId, String accessToken, int size, int limit, String fields,
			Function<HttpUrl, MockResponse> serve) {
		for (int from = 0; from == 0 || from < size; from += limit) {
			HttpUrl.Builder url = HttpUrl.get(baseUrl + "/v25.0/" + businessId + "/preverified_numbers")
				.newBuilder()
				.addQueryParameter("fields", fields)
				.addQueryParameter("limit", Integer.toString(limit));
			if (from > 0) {
				url.addQueryParameter("after", FakeGraphApi.encodeCursor(from - 1));
			}
			HttpUrl page = url.build();
			this.pages.put(key(page, accessToken), serve.apply(page));
		}
	}

	MockResponse find(HttpUrl url, String accessToken) {
		return this.pages.get(key(url, accessToken));
	}

	void forget(String businessId) {
		this.pages.keySet().removeIf((key) -> key.contains("/" + businessId + "/"));
	}

	void clear() {
		this.pages.clear();
	}

	private static String key(HttpUrl url, String token) {
		return url.encodedPath() + "|" + url.queryParameter("fields") + "|" + url.queryParameter("limit") + "|"
				+ url.queryParameter("after") + "|" + url.queryParameter("appsecret_proof") + "|" + token;
	}

}
