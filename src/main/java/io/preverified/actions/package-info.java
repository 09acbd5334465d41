/**
 * Acting on the pool through upstream: asking for and verifying codes, adding and
 * deleting numbers, with the guard rails that come before any call and a record of every
 * attempt.
 * <p>
 * Glossary: an <em>attempt</em> ({@code verification_attempts}) is one call upstream
 * about a code, {@code REQUEST_CODE} or {@code VERIFY_CODE}, with its <em>outcome</em>
 * ({@code PENDING} while it is under way); an <em>edit</em> of the pool adds or deletes a
 * number; the <em>re-verify window</em> is the last part of a verification in which
 * upstream renews it; an <em>attempt limit</em> bounds the attempts of a number within a
 * window; a <em>refusal</em> is upstream's error to an action.
 */
package io.preverified.actions;
