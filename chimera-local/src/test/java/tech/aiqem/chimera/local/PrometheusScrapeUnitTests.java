package tech.aiqem.chimera.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PrometheusScrapeUnitTests {

	private static PrometheusScrape scrape(double le1, double le2, double inf) {
		return PrometheusScrape.parse("worker-service", """
				t_seconds_bucket{le="0.1"} %s
				t_seconds_bucket{le="0.2"} %s
				t_seconds_bucket{le="+Inf"} %s
				""".formatted(le1, le2, inf));
	}

	@Test
	void aQuantileIsInterpolatedInsideItsBucket() {
		// 10 below 0.1 s, 10 more below 0.2 s: the median is the top of the first bucket, p75 halfway in the second
		PrometheusScrape now = scrape(10, 20, 20);
		assertThat(now.quantile("t_seconds", 0.5)).isCloseTo(0.1, within(1e-9));
		assertThat(now.quantile("t_seconds", 0.75)).isCloseTo(0.15, within(1e-9));
	}

	@Test
	void aQuantileSinceAnEarlierScrapeReadsOnlyWhatWasRecordedInBetween() {
		PrometheusScrape before = scrape(10, 10, 10);
		PrometheusScrape after = scrape(10, 30, 30);
		// all 20 recorded in between fell between 0.1 and 0.2 s
		assertThat(after.quantileSince(before, "t_seconds", 0.5)).isCloseTo(0.15, within(1e-9));
		assertThat(after.quantileSince(after, "t_seconds", 0.5)).as("nothing recorded").isNaN();
	}
}
