package io.preverified.tracing;

import java.net.URI;

import io.micrometer.common.KeyValue;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Spring's names and tags for every outbound request, but a URL of scheme, host and port
 * alone: a query may carry {@code appsecret_proof}, and the path of a webhook receiver
 * (Slack's, say) is often its secret. What the request was for is its parent span's
 * business.
 */
class OutboundRequestConvention extends DefaultClientRequestObservationConvention {

	@Override
	protected KeyValue httpUrl(ClientRequestObservationContext context) {
		KeyValue url = super.httpUrl(context);
		if (context.getRequest() == null) {
			return url;
		}
		URI uri = context.getRequest().url();
		if (uri.getScheme() == null || uri.getHost() == null) {
			return KeyValue.of(url.getKey(), KeyValue.NONE_VALUE);
		}
		return KeyValue.of(url.getKey(),
				uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : ""));
	}

}
