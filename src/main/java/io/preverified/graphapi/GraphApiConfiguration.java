package io.preverified.graphapi;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the {@link GraphApiClient} from {@link GraphApiProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphApiProperties.class)
class GraphApiConfiguration {

	@Bean
	GraphApiClient graphApiClient(WebClient.Builder builder, GraphApiProperties properties, JsonMapper jsonMapper,
			ObjectProvider<BuildProperties> buildProperties) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
			.responseTimeout(properties.readTimeout());
		String version = buildProperties.stream().map(BuildProperties::getVersion).findFirst().orElse("dev");
		WebClient webClient = builder.clone()
			.baseUrl(properties.baseUrl())
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.defaultHeader(HttpHeaders.USER_AGENT, "preverified-sync/" + version)
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
		return new GraphApiClient(webClient, properties, jsonMapper);
	}

}
