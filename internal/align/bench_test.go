package align

import "testing"

// BenchmarkAlignCorpus aligns every page of the corpus, and reports the
// pairs' precision and recall, and the precision of the pairs imported
// as current, beside the time. See issue 14.
func BenchmarkAlignCorpus(b *testing.B) {
	cases := loadCorpus(b)
	var s *score
	for b.Loop() {
		s = grade(cases)
	}
	b.ReportMetric(s.precision(), "precision")
	b.ReportMetric(s.recall(), "recall")
	b.ReportMetric(s.currentPrecision(), "current-precision")
	b.ReportMetric(float64(s.want), "pairs")
}
