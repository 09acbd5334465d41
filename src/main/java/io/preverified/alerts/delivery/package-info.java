/**
 * How alerts reach people: the outbox of notifications, signed webhook deliveries and
 * Alertmanager; internal to the {@code alerts} module.
 */
package io.preverified.alerts.delivery;
