/**
 * What every REST endpoint shares: the list envelope, cursors, query parameters and RFC
 * 9457 problems.
 * <p>
 * Glossary: a <em>list</em> is the Graph API's envelope ({@code data}, {@code paging}); a
 * <em>cursor</em> is the opaque position after a page's last item; a <em>problem</em> is
 * an RFC 9457 error body; a <em>business scope</em> is the businesses a request may see;
 * a <em>scoped path</em> is how a module tells whose resource an id is.
 */
package io.preverified.web;
