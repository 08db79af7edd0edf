package deck

import (
	"strings"
	"testing"
)

func TestParseRejectsControlCharactersInIDs(t *testing.T) {
	_, err := Parse("d.md", strings.NewReader("Q: two\nA: t\nid: ab\x1b[2Jcd\n"))
	if err == nil || !strings.Contains(err.Error(), "d.md:3: ") || !strings.Contains(err.Error(), "control character") {
		t.Fatalf("err = %v, want d.md:3 naming the control character", err)
	}
}
