/**
 * Traces: what spans of the service show. Spans come from Micrometer observations (a run,
 * its pages and removal, each Graph API call and its HTTP requests, alert evaluations,
 * webhook deliveries, Alertmanager pushes, API requests) and leave over OTLP when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set.
 * <p>
 * Glossary: a <em>span</em> is one timed step with attributes and events; a
 * <em>trace</em> is the tree of spans of one run or one request.
 */
package io.preverified.tracing;
