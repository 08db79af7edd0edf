package sched

import (
	"testing"
	"time"
)

// testSettings are the §7.5 assumptions: UTC, day start 4, fuzz off.
func testSettings() Settings {
	s := DefaultSettings()
	s.Location = time.UTC
	s.Fuzz = false
	return s
}

func mustScheduler(t testing.TB, s Settings) *Scheduler {
	t.Helper()
	sc, err := NewScheduler(s)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func ratings(s string) []Rating {
	m := map[rune]Rating{'A': Again, 'H': Hard, 'G': Good, 'E': Easy}
	out := make([]Rating, 0, len(s))
	for _, r := range s {
		if g, ok := m[r]; ok {
			out = append(out, g)
		}
	}
	return out
}

var start = time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)

// answerWhenDue answers a new card with each grade exactly when it is due.
func answerWhenDue(sc *Scheduler, grades []Rating) (cards []Card, before []State) {
	var c Card
	now := start
	for _, g := range grades {
		before = append(before, c.State)
		c = sc.Next(c, g, now, 0)
		cards = append(cards, c)
		now = c.Due
	}
	return cards, before
}

func TestShortTermSequenceMatchesReference(t *testing.T) {
	sc := mustScheduler(t, testSettings())
	cards, before := answerWhenDue(sc, ratings("GGGGGGAAGGGGG"))
	wantIvl := []int{0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}
	wantState := []State{New, Learning, Review, Review, Review, Review, Review, Relearning, Relearning, Review, Review, Review, Review}
	for i, c := range cards {
		if c.Interval != wantIvl[i] {
			t.Errorf("answer %d: interval %d, want %d", i+1, c.Interval, wantIvl[i])
		}
		if before[i] != wantState[i] {
			t.Errorf("answer %d: state before %v, want %v", i+1, before[i], wantState[i])
		}
	}
	last := cards[len(cards)-1]
	if last.Reps != 13 || last.Lapses != 1 {
		t.Errorf("reps %d lapses %d, want 13 and 1", last.Reps, last.Lapses)
	}
}

func TestLearningStepTimingMatchesReference(t *testing.T) {
	set := testSettings()
	set.LearningSteps = []time.Duration{10 * time.Minute}
	c := mustScheduler(t, set).Next(Card{}, Hard, start, 0)
	if c.State != Learning || c.Due.Sub(start) != 15*time.Minute {
		t.Errorf("[10m] Hard on a new card: %v due in %v, want learning in 15m", c.State, c.Due.Sub(start))
	}
	sc := mustScheduler(t, testSettings())
	c = sc.Next(Card{}, Good, start, 0)
	if c.Step != 1 || c.Due.Sub(start) != 10*time.Minute {
		t.Fatalf("[1m 10m] Good: step %d due in %v, want step 1 in 10m", c.Step, c.Due.Sub(start))
	}
	now := c.Due
	c = sc.Next(c, Hard, now, 0)
	if c.State != Learning || c.Step != 1 || c.Due.Sub(now) != 10*time.Minute {
		t.Errorf("then Hard: %v step %d due in %v, want learning step 1 in 10m", c.State, c.Step, c.Due.Sub(now))
	}

	m := time.Minute
	cases := []struct {
		steps []time.Duration
		step  int
		want  [3]time.Duration // again, hard, good; 0 = graduates
	}{
		{[]time.Duration{10 * m}, 0, [3]time.Duration{600 * time.Second, 900 * time.Second, 0}},
		{[]time.Duration{3 * oneDay}, 0, [3]time.Duration{3 * oneDay, 4 * oneDay, 0}},
		{[]time.Duration{m, 10 * m}, 0, [3]time.Duration{60 * time.Second, 330 * time.Second, 600 * time.Second}},
		{[]time.Duration{m, 10 * m}, 1, [3]time.Duration{60 * time.Second, 600 * time.Second, 0}},
		{[]time.Duration{m, 10 * m, 100 * m}, 0, [3]time.Duration{60 * time.Second, 330 * time.Second, 600 * time.Second}},
		{[]time.Duration{m, 10 * m, 100 * m}, 1, [3]time.Duration{60 * time.Second, 600 * time.Second, 6000 * time.Second}},
		{[]time.Duration{m, 10 * m, 100 * m}, 2, [3]time.Duration{60 * time.Second, 6000 * time.Second, 0}},
	}
	for _, c := range cases {
		for i, g := range []Rating{Again, Hard, Good} {
			kind, _, wait := learningStep(c.steps, c.step, g)
			if c.want[i] == 0 {
				if kind == stayInSteps {
					t.Errorf("%s step %d %v: waits %v, want graduation", FormatSteps(c.steps), c.step, g, wait)
				}
				continue
			}
			if kind != stayInSteps || wait != c.want[i] {
				t.Errorf("%s step %d %v: wait %v, want %v", FormatSteps(c.steps), c.step, g, wait, c.want[i])
			}
		}
	}
}

func TestLongTermSequenceMatchesReference(t *testing.T) {
	set := testSettings()
	set.ShortTerm = false
	cards, _ := answerWhenDue(mustScheduler(t, set), ratings("GGGGGGAAGGGGG"))
	wantIvl := []int{3, 14, 57, 196, 586, 1559, 10, 1, 3, 5, 9, 15, 25}
	wantS := []float64{2.3065, 13.8269, 56.9567, 196.2353, 586.4835, 1559.3567, 9.8832, 1.3527, 2.392, 4.8562, 8.7624, 15.186, 25.1362}
	wantD := []float64{2.1181, 2.1112, 2.1043, 2.0975, 2.0906, 2.0837, 7.3832, 9.1251, 9.1112, 9.0973, 9.0835, 9.0696, 9.0558}
	for i, c := range cards {
		if c.Interval != wantIvl[i] || c.State != Review {
			t.Errorf("answer %d: %v interval %d, want review %d", i+1, c.State, c.Interval, wantIvl[i])
		}
		checkNear(t, "S", c.Stability, wantS[i])
		checkNear(t, "D", c.Difficulty, wantD[i])
	}
	if last := cards[len(cards)-1]; last.Lapses != 2 {
		t.Errorf("lapses %d, want 2", last.Lapses)
	}
}

func TestLongTermFSRS5SequencesMatchReference(t *testing.T) {
	set := testSettings()
	set.ShortTerm = false
	set.Params = []float64{0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712,
		1.1178, 2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891, 0.6468}
	sc := mustScheduler(t, set)
	cases := []struct {
		answers string
		ivl     []int
		s, d    []float64
	}{
		{"GGGGGGAAGGGGG", []int{3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773},
			[]float64{3.0412, 13.09130698, 48.15848988, 154.93732625, 445.05562739, 1158.07779739, 16.63063166, 3.01732209, 11.42247264, 37.37521902, 111.8752758, 306.5974569, 772.94026648},
			[]float64{4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071, 5.55956298, 5.26323756, 4.98688448, 4.72915759, 4.4888015, 4.26464541}},
		{"AHGEAHGE", []int{1, 2, 6, 41, 4, 7, 21, 133},
			[]float64{0.4197, 1.0344317, 5.5356759, 41.0033667, 4.46605519, 6.67743292, 20.88868155, 132.81849454},
			[]float64{7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922, 5.36588547}},
		{"HGEAHGEA", []int{2, 7, 54, 5, 8, 26, 171, 8},
			[]float64{1.1869, 6.59167572, 53.76078737, 5.0853693, 8.09786749, 25.52991279, 171.16195166, 8.11072373},
			[]float64{6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736, 5.71619151}},
		{"GEAHGEAH", []int{3, 33, 4, 7, 26, 193, 9, 14},
			[]float64{3.0412, 32.65484522, 4.22256838, 7.2325009, 25.52681746, 193.36618775, 8.63899847, 14.31323867},
			[]float64{4.49094334, 3.69538259, 4.83221448, 5.12078462, 4.85403286, 4.07165035, 5.1050878, 5.34697075}},
		{"EAHGEAHG", []int{15, 3, 6, 27, 240, 10, 17, 60},
			[]float64{15.2441, 3.25621013, 6.32684549, 26.56339029, 239.70462771, 9.75621519, 17.06035531, 59.59547542},
			[]float64{1.16304343, 2.99573557, 3.59851762, 3.43436666, 2.60045771, 4.03816348, 4.46259158, 4.24020203}},
	}
	for n, c := range cases {
		cards, _ := answerWhenDue(sc, ratings(c.answers))
		for i, card := range cards {
			if card.Interval != c.ivl[i] {
				t.Errorf("test %d answer %d: interval %d, want %d", n+1, i+1, card.Interval, c.ivl[i])
			}
			checkNear(t, "S", card.Stability, c.s[i])
			checkNear(t, "D", card.Difficulty, c.d[i])
		}
	}
}

func TestFuzzMatchesReference(t *testing.T) {
	cases := []struct {
		ivl  []float64
		m, M int
		want [3]int
	}{
		{[]float64{1.0}, 1, 1000, [3]int{1, 1, 1}},
		{[]float64{2.49}, 1, 1000, [3]int{2, 2, 2}},
		{[]float64{2.5}, 1, 1000, [3]int{2, 3, 4}},
		{[]float64{7.0}, 1, 1000, [3]int{5, 7, 9}},
		{[]float64{17.0}, 1, 1000, [3]int{14, 17, 20}},
		{[]float64{37.0}, 1, 1000, [3]int{33, 37, 41}},
		{[]float64{2.0}, 2, 1000, [3]int{2, 2, 2}},
		{[]float64{2.0}, 3, 1000, [3]int{3, 4, 4}},
		{[]float64{2.0}, 3, 3, [3]int{3, 3, 3}},
		{[]float64{6.9, 7.0, 7.1}, 3, 1000, [3]int{5, 7, 9}},
		{[]float64{19.9, 20.0, 20.1}, 3, 1000, [3]int{17, 20, 23}},
		{[]float64{100}, 101, 1000, [3]int{101, 105, 108}},
		{[]float64{100}, 1, 99, [3]int{92, 96, 99}},
		{[]float64{100}, 97, 103, [3]int{97, 100, 103}},
	}
	for _, c := range cases {
		for _, ivl := range c.ivl {
			for i, u := range []float64{0, 0.5, 0.99} {
				if got := fuzzRange(u, ivl, c.m, c.M); got != c.want[i] {
					t.Errorf("fuzz(%v, %v, %d, %d) = %d, want %d", u, ivl, c.m, c.M, got, c.want[i])
				}
			}
		}
	}
	off := []struct {
		ivl  float64
		want int
	}{{1.5, 2}, {0.1, 1}, {101, 100}}
	for _, c := range off {
		if got := dayInterval(c.ivl, 1, 100, false, 0.7, 0); got != c.want {
			t.Errorf("F(%v, 1) without fuzz, maximum 100 = %d, want %d", c.ivl, got, c.want)
		}
	}
}

func TestFuzzNeverFallsToElapsedWhileGrowing(t *testing.T) {
	// A card answered 10 days after its review with a raw interval of 12.4:
	// without the elapsed rule u = 0 would give 10.
	if got := fuzzRange(0, 12.4, 1, 1000); got >= 11 {
		t.Fatalf("fuzzRange baseline = %d, the test needs it below 11", got)
	}
	if got := dayInterval(12.4, 1, 1000, true, 0, 10); got < 11 {
		t.Errorf("F(12.4, 1) at t = 10 = %d, want at least 11", got)
	}
	// A shrinking interval may fall below t.
	if got := dayInterval(3, 1, 1000, true, 0, 10); got > 3 {
		t.Errorf("F(3, 1) at t = 10 = %d, want at most 3", got)
	}
}

func TestFuzzSeedIsDeterministicAndSpread(t *testing.T) {
	if FuzzSeed("card", 3) != FuzzSeed("card", 3) {
		t.Fatal("FuzzSeed is not deterministic")
	}
	var buckets [10]int
	for i := 0; i < 10000; i++ {
		u := FuzzSeed("c"+time.Duration(i).String(), i%7)
		if u < 0 || u >= 1 {
			t.Fatalf("FuzzSeed = %v, outside [0, 1)", u)
		}
		buckets[int(u*10)]++
	}
	for i, n := range buckets {
		if n < 850 || n > 1150 {
			t.Errorf("bucket %d holds %d of 10000 values, want about 1000", i, n)
		}
	}
	if FuzzSeed("a", 1) == FuzzSeed("a", 2) || FuzzSeed("a", 1) == FuzzSeed("b", 1) {
		t.Error("FuzzSeed ignores its input")
	}
}

func TestLeechAtThresholdAndEveryHalfAfter(t *testing.T) {
	sc := mustScheduler(t, testSettings())
	for lapses, want := range map[int]bool{0: false, 7: false, 8: true, 9: false, 10: false, 11: false, 12: true, 13: false, 16: true} {
		if got := sc.IsLeech(lapses); got != want {
			t.Errorf("IsLeech(%d) = %v, want %v", lapses, got, want)
		}
	}
	set := testSettings()
	set.LeechThreshold = 0
	if mustScheduler(t, set).IsLeech(8) {
		t.Error("threshold 0 should turn leeches off")
	}
	set.LeechThreshold = 5 // ceil(5/2) = 3
	sc = mustScheduler(t, set)
	if !sc.IsLeech(5) || sc.IsLeech(7) || !sc.IsLeech(8) {
		t.Error("threshold 5: want leeches at 5 and 8, not 7")
	}
}

func TestRetrievabilityOfCards(t *testing.T) {
	sc := mustScheduler(t, testSettings())
	if r := sc.Retrievability(Card{}, start); r != 0 {
		t.Errorf("new card: R = %v, want 0", r)
	}
	c := sc.Next(Card{}, Good, start, 0)
	c = sc.Next(c, Good, c.Due, 0)
	if c.State != Review {
		t.Fatalf("state %v, want review", c.State)
	}
	checkNear(t, "R on the review day", sc.Retrievability(c, c.LastReview.Add(time.Hour)), 1)
	// Days count from day start: 03:59 the next morning is still the same day.
	sameDay := time.Date(2022, 11, 30, 3, 59, 0, 0, time.UTC)
	checkNear(t, "R at 03:59 next morning", sc.Retrievability(c, sameDay), 1)
	want := Retrievability(float64(c.Interval), c.Stability, DefaultParams[20])
	checkNear(t, "R when due", sc.Retrievability(c, c.Due), want)
	if sc.Retrievability(c, c.Due.Add(30*oneDay)) >= want {
		t.Error("R does not fall after the due date")
	}
}
