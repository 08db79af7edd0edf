// Package stats computes figures about a collection: the review streak and
// the forecast of due cards shown at the end of a review session.
//
// The figures must be cheap enough to print after every session on a large
// collection, so they read the store's small indexes instead of the review
// log: the streak walks the per-day answer counters backwards from today,
// and the forecast counts entries of the due index (time-ordered keys)
// without decoding cards.
package stats
