package cli

import (
	"bytes"
	"strings"
	"testing"

	"recall/internal/term"
)

func TestReviewFlagsRejectNegativeNumbers(t *testing.T) {
	for _, args := range [][]string{{"review", "--new", "-1"}, {"review", "--limit", "-2"}, {"review", "--minutes", "-5"}} {
		var out, errOut bytes.Buffer
		code := Run(append([]string{"--db", t.TempDir() + "/c.db"}, args...), term.Test(strings.NewReader(""), &out, &errOut, true))
		if code != ExitUsage || !strings.Contains(errOut.String(), "must be 0 or more") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
	}
}

func TestReviewWithoutTerminalExplainsAndExitsOne(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Run([]string{"--db", t.TempDir() + "/c.db", "review"}, term.Test(strings.NewReader(""), &out, &errOut, false))
	if code != ExitError || out.Len() != 0 || !strings.Contains(errOut.String(), "`recall due`") {
		t.Errorf("exit %d stdout %q stderr %q", code, out.String(), errOut.String())
	}
}
