package io.preverified.reservations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the settings of reservations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReservationsProperties.class)
class ReservationsConfiguration {

}
