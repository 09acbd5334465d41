/**
 * The Graph API client: paging, record reading and error classification.
 */
package io.preverified.graphapi;
