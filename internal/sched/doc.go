// Package sched is recall's scheduling mathematics: the FSRS-6 memory model,
// the scheduler around it (learning steps, fuzz, long-term mode), Anki's SM-2
// variant as an alternative scheduler, the original SM-2, the FSRS parameter
// optimizer and the accuracy evaluation of several models on a review history.
//
// The package is pure: no I/O, no clock, no global randomness. The caller
// passes the current time and a fuzz value u in [0, 1) (normally FuzzSeed of
// the card ID and its review count, so that the answer preview and the answer
// itself agree, and so that replaying the review log reproduces every card
// exactly). Everything follows the project's FSRS.md; section numbers in
// comments (§1.3 and so on) refer to it.
//
// Layout: model.go is the memory model and model_batch.go its four-grade
// form used by the scheduler; scheduler*.go, learning.go and fuzz.go are
// the answer rules; sm2*.go the SM-2 family; items.go, grad.go,
// pretrain.go, train.go and optimize.go the optimizer; metrics.go and
// evaluate.go the evaluation.
package sched
