package review

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLayoutWrapsAtSpacesAndCutsLongWords(t *testing.T) {
	got := layout("the quick brown fox jumps over\nabcdefghijklmnopqrstuvwxyz", 10)
	want := []string{"the quick", "brown fox", "jumps over", "abcdefghij", "klmnopqrst", "uvwxyz"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("layout = %q, want %q", got, want)
	}
}

func TestLayoutKeepsIndentationAndColumnGaps(t *testing.T) {
	got := layout("  u   undo\n  s   suspend", 40)
	want := []string{"  u   undo", "  s   suspend"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("layout = %q, want %q", got, want)
	}
}

func TestLayoutCountsWideCharactersTwice(t *testing.T) {
	got := layout("北京是中国的首都", 10)
	want := []string{"北京是中国", "的首都"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("layout = %q, want %q", got, want)
	}
}

func TestLayoutReopensASpanOnTheNextLine(t *testing.T) {
	p := painter{color: true}
	lines := layout("see "+p.high("the long answer here")+" ok", 14)
	var out []string
	for _, l := range lines {
		out = append(out, p.render(l))
	}
	want := []string{"see \x1b[1;36mthe long\x1b[0m", "\x1b[1;36manswer here\x1b[0m ok"}
	if !reflect.DeepEqual(out, want) {
		t.Errorf("rendered %q, want %q", out, want)
	}
	// Markers take no room: the first line has 14 visible columns at most.
	for _, l := range out {
		if textWidth(stripSGR(l)) > 14 {
			t.Errorf("line %q too wide", l)
		}
	}
}

func TestPainterWithoutColourUsesBracketsAndNoCodes(t *testing.T) {
	p := painter{}
	if got := p.render(p.high("Paris") + " " + p.good("ok") + p.dim("x")); got != "[Paris] okx" {
		t.Errorf("render = %q", got)
	}
}

func TestCleanDropsControlsAndOurMarkers(t *testing.T) {
	if got := clean("a\x1b[31mb\tc\uE000d\x07"); got != "ab    cd" {
		t.Errorf("clean = %q", got)
	}
}

func TestFitCutsWithEllipsis(t *testing.T) {
	if got := fit("Geography::Capitals of Europe", 12); got != "Geography::…" || textWidth(got) != 12 {
		t.Errorf("fit = %q", got)
	}
	if got := fit("short", 12); got != "short" {
		t.Errorf("fit = %q", got)
	}
}

func TestGradeLinesNeverSplitAGrade(t *testing.T) {
	f := newFixture(t, fixtureDeck)
	s := &Session{Engine: f.eng, Width: 30}
	tt := &turn{card: f.cards["basic"], suggest: 3, at: sessionT0}
	tt.preview, _ = f.eng.Preview(tt.card, sessionT0)
	lines := s.gradeLines(tt)
	if strings.Join(lines, "|") != "1 Again 1m  2 Hard 6m|[3 Good 10m]  4 Easy 7d" {
		t.Errorf("grade lines %q", lines)
	}
}

func TestSummaryLines(t *testing.T) {
	s := &Summary{Reviewed: 23, Duration: 6*time.Minute + 12*time.Second, Suspended: 1, Edited: 2, Leeches: []string{"abc"}}
	s.Ratings[1], s.Ratings[3] = 4, 19
	want := "Reviewed 23 cards in 6m 12s; 4 again (17%).\nSuspended 1, edited 2.\nNew leech (suspended): abc."
	if got := strings.Join(s.Lines(), "\n"); got != want {
		t.Errorf("lines:\n%s\nwant:\n%s", got, want)
	}
	if got := (&Summary{End: EndQuit}).Lines(); len(got) != 1 || got[0] != "No cards reviewed." {
		t.Errorf("empty session: %q", got)
	}
	if got := (&Summary{End: EndNothingDue}).Lines(); len(got) != 0 {
		t.Errorf("nothing due: %q", got)
	}
}

func TestHelpFitsFortyColumnsInOneLayout(t *testing.T) {
	for _, line := range strings.Split(helpText, "\n")[1:] {
		if w := textWidth(line); w > 40 {
			t.Errorf("help line of %d columns: %q", w, line)
		}
		// Keys in columns 2-7, what they do from column 10.
		if len(line) <= 10 || !strings.HasPrefix(line, "  ") || line[8:10] != "  " || line[10] == ' ' {
			t.Errorf("help line off the two columns: %q", line)
		}
	}
}

func TestLayoutKeepsACodeSpanOnOneLine(t *testing.T) {
	got := layout("Suspended 49e1a2; `recall card unsuspend 49e1a2` brings it back.", 40)
	want := []string{"Suspended 49e1a2;", "`recall card unsuspend 49e1a2` brings it", "back."}
	if !slices.Equal(got, want) {
		t.Errorf("layout = %q, want %q", got, want)
	}
	// Too long for a line, it breaks at its blanks like other text.
	got = layout("Run `recall card unsuspend 49e1a2` now.", 20)
	want = []string{"Run `recall card", "unsuspend 49e1a2`", "now."}
	if !slices.Equal(got, want) {
		t.Errorf("narrow layout = %q, want %q", got, want)
	}
}
