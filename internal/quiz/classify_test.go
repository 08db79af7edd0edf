package quiz

import "testing"

func TestClassifySortsAnswersIntoClasses(t *testing.T) {
	tests := []struct {
		answer string
		class  Class
		form   string
		size   float64
	}{
		{"", ClassNone, "", 0},
		{"1789", ClassYear, "plain", 1789},
		{"**1789**", ClassYear, "plain", 1789},
		{"44 BC", ClassYear, "era", -44},
		{"AD 79", ClassYear, "era", 79},
		{"c. 1500", ClassYear, "plain", 1500},
		{"1990s", ClassYear, "decade", 1990},
		{"14 July 1789", ClassDate, "DMY", dateSize(1789, 7, 14)},
		{"July 14, 1789", ClassDate, "MDY", dateSize(1789, 7, 14)},
		{"July 1789", ClassDate, "MY", dateSize(1789, 7, 0)},
		{"14th of July", ClassDate, "DM", dateSize(0, 7, 14)},
		{"1789-07-14", ClassDate, "iso", dateSize(1789, 7, 14)},
		{"14/07/1789", ClassDate, "numeric/", dateSize(1789, 7, 14)},
		{"365", ClassNumber, "|int", 365},
		{"3.14", ClassNumber, "|dec", 3.14},
		{"3,14", ClassNumber, "|dec", 3.14},
		{"1,000", ClassNumber, "|int", 1000},
		{"-7", ClassNumber, "|int", -7},
		{"8 legs", ClassNumber, "legs|int", 8},
		{"300,000 km/s", ClassNumber, "km/s|int", 300000},
		{"25%", ClassNumber, "%|int", 25},
		{"$5", ClassNumber, "$|int", 5},
		{"1.5 million", ClassNumber, "million|dec", 1.5},
		{"Paris", ClassProper, "", 5},
		{"Marie Curie", ClassProper, "", 11},
		{"Leonardo da Vinci", ClassProper, "", 17},
		{"Louis XIV", ClassProper, "", 9},
		{"Apollo 11", ClassProper, "", 9},
		{"May", ClassProper, "", 3},
		{"mitochondria", ClassWord, "", 12},
		{"red blood cell", ClassWord, "", 14},
		{"it converts light into chemical energy", ClassPhrase, "", 38},
		{"red, green and blue", ClassList, "inline", 3},
		{"Paris, France", ClassProper, "", 13},
		{"one\ntwo\n\nthree", ClassList, "lines", 3},
		{"Yes, but only in spring when the snow melts, mostly", ClassPhrase, "", 51},
	}
	for _, tt := range tests {
		got := Classify(tt.answer)
		if got.Class != tt.class || got.Form != tt.form || got.Size != tt.size {
			t.Errorf("Classify(%q) = %+v, want {%s %s %v}", tt.answer, got, tt.class, tt.form, tt.size)
		}
	}
}
