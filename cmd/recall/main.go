// Command recall is a terminal program for learning with flashcards and
// quizzes, with spaced repetition.
package main

import (
	"os"

	"recall/internal/cli"
)

func main() { os.Exit(cli.Main()) }
