/**
 * JSON payloads of the Graph API, as upstream sends them.
 */
package io.preverified.graphapi.payload;
