package generate

import (
	"strings"
	"testing"
)

func TestClauseLinesReadAsItemsOfTheirOwn(t *testing.T) {
	d := gen(t, "forces.txt", `Policy notes

What is green productivity?

Definition: Innovation plays a leading role, and green productive forces are those that are freed from old growth modes and resource-heavy development paths, are characterized by low emissions, high efficiency, and high quality, and are in line with new development ideas.
`)
	wantBasic(t, d, "What is green productivity?", "Innovation plays a leading role\n"+
		"Freed from old growth modes and resource-heavy development paths\n"+
		"Characterized by low emissions, high efficiency, and high quality\n"+
		"In line with new development ideas")
}

func TestTidyClausesKeepsClausesThatStandAlone(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		// A clause with its own subject keeps it; only "and" goes.
		{[]string{"Red blood cells carry oxygen", "and the body replaces them every few months"},
			[]string{"Red blood cells carry oxygen", "The body replaces them every few months"}},
		// "or" alone is no clause to strip down to.
		{[]string{"Take the train", "or walk"}, []string{"Take the train", "Or walk"}},
		// The first clause keeps its verb: "is" there is no continuation.
		{[]string{"A ledger is a record of accounts", "is kept by a clerk"},
			[]string{"A ledger is a record of accounts", "Kept by a clerk"}},
		// A head with content ("organelles") is kept with its subject.
		{[]string{"Mitochondria are organelles that make energy", "and are found in most cells"},
			[]string{"Mitochondria are organelles that make energy", "Found in most cells"}},
	} {
		if got := tidyClauses(tc.in); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("tidyClauses(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
