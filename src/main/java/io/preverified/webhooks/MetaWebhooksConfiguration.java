package io.preverified.webhooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link MetaWebhooksProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetaWebhooksProperties.class)
class MetaWebhooksConfiguration {

}
