// Package store keeps a recall collection in one bbolt file. It is the only
// package that imports bbolt.
//
// Buckets (created in one transaction at open):
//
//	meta     schema version and settings ("config/<key>" → value)
//	decks    deck name → deck record (description, tags, source document)
//	cards    card ID → card record (content and memory state)
//	due      big-endian availability time ‖ card ID → nothing, for cards in
//	         learning, review or relearning that are not suspended
//	new      big-endian position ‖ card ID → nothing, for new cards not suspended
//	reviews  big-endian sequence → review record (append-only log)
//	undo     big-endian review sequence → card snapshot before that answer
//	days     big-endian day ‖ deck → answers counted for daily limits
//	quiz     big-endian sequence → quiz result (JSON)
//	params   name → fitted scheduler parameters (JSON)
//
// Every answer is one write transaction that updates the card, moves its due
// index entry, appends to the review log and pushes an undo snapshot, so a
// crash leaves either all of it or none. The review log refers to cards by
// their internal number, which survives a change of ID (an edited front),
// so history follows the card.
//
// bbolt holds a file lock for as long as the collection is open; a second
// recall process waits about a second for it and then gets ErrLocked.
package store
