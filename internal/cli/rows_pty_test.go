package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"recall/internal/term"
)

const rowsDeck = `---
deck: 日本語の単語とその読み方の練習帳
---
Q: What does 猫 mean, and how is it read in a sentence about a cat sitting on a mat?
A: cat (neko)
id: a1

Q: What does 犬 mean?
A: dog (inu)
id: cU1%zNUzk1
`

// TestCardRowsFitTheTerminal lists cards with a wide-character deck name
// and IDs of different lengths on terminals 100 and 40 columns wide.
func TestCardRowsFitTheTerminal(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "collection.db")
	file := filepath.Join(dir, "jp.md")
	if err := os.WriteFile(file, []byte(rowsDeck), 0o600); err != nil {
		t.Fatal(err)
	}
	recallCmd(t, db, "import", file)
	for _, cols := range []int{100, 40} {
		p := startPtySized(t, recallEnv(db), uint16(cols), "search", "deck:日本語の単語とその読み方の練習帳")
		p.expect("2 cards found")
		p.wait()
		var rows []string
		for _, line := range strings.Split(p.output(), "\n") {
			if line != "" && !strings.Contains(line, "cards found") {
				rows = append(rows, line)
			}
			if w := term.Cells(line); w > cols {
				t.Errorf("%d columns: line of %d columns: %q", cols, w, line)
			}
		}
		if cols == 100 {
			// One line a card, with the state column in one place.
			stateAt := func(row string) int { return term.Cells(row[:max(0, strings.Index(row, " new "))]) }
			if len(rows) != 2 || stateAt(rows[0]) == 0 || stateAt(rows[0]) != stateAt(rows[1]) {
				t.Errorf("rows at 100 columns:\n%s", strings.Join(rows, "\n"))
			}
			if !strings.Contains(rows[0]+rows[1], "What does 犬 mean?") {
				t.Errorf("a short front was cut:\n%s", strings.Join(rows, "\n"))
			}
		} else {
			// Two lines a card: ID, state and deck, then the front.
			if len(rows) != 4 || !strings.HasPrefix(rows[1], "  What does") || !strings.HasPrefix(rows[3], "  What does") {
				t.Errorf("rows at 40 columns:\n%s", strings.Join(rows, "\n"))
			}
		}
	}
}
