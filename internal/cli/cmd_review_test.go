package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"recall/internal/prompt"
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

// A review of a collection with no cards says how to add some, and then
// nothing about days ahead that can hold nothing.
func TestReviewOfAnEmptyCollectionEndsWithTheHintAlone(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	var out, errOut bytes.Buffer
	f := NewFactory(term.Test(strings.NewReader(""), &out, &errOut, true))
	f.Prompter = func() prompt.Prompter { return prompt.NewFake() }
	root := NewRootCmd(f)
	root.SetArgs([]string{"--db", db, "review"})
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(context.Background())
	f.close()
	if err != nil {
		t.Fatalf("review: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(errOut.String(), "The collection has no cards yet") || strings.Contains(out.String()+errOut.String(), "Due tomorrow") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out.String(), errOut.String())
	}
}
