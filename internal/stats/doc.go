// Package stats computes figures about a collection: the review streak and
// the forecast of due cards shown at the end of a review session, and the
// report of `recall stats`.
//
// The session figures must be cheap enough to print after every session on
// a large collection, so they read the store's small indexes: the streak
// walks the per-day answer counters backwards from today, and the forecast
// reads the due index once without decoding cards. The full report also
// reads every card and the last 26 weeks of the review log.
package stats
