package tech.aiqem.chimera.orchestrator.trend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One day of an agent's figures. Ratios are null when their denominator is zero: a day without spend
 * has no ROI, a day without decisions no autonomy rate.
 */
record DayFigures(LocalDate day, long posts, long engagement, long impressions, BigDecimal engagementRate,
		BigDecimal spendUsd, BigDecimal revenueUsd, BigDecimal roi, long judgeApproved, long humanDecided,
		BigDecimal autonomyRate) {

	static DayFigures of(LocalDate day, long posts, long engagement, long impressions, BigDecimal spend,
			BigDecimal revenue, long judgeApproved, long humanDecided) {
		BigDecimal rate = impressions == 0 ? null
				: BigDecimal.valueOf(engagement).divide(BigDecimal.valueOf(impressions), 4, RoundingMode.HALF_UP);
		BigDecimal roi = spend.signum() == 0 ? null : revenue.divide(spend, 2, RoundingMode.HALF_UP);
		long decisions = judgeApproved + humanDecided;
		BigDecimal autonomy = decisions == 0 ? null
				: BigDecimal.valueOf(judgeApproved).divide(BigDecimal.valueOf(decisions), 2, RoundingMode.HALF_UP);
		return new DayFigures(day, posts, engagement, impressions, rate, spend.setScale(4, RoundingMode.HALF_UP),
				revenue.setScale(2, RoundingMode.HALF_UP), roi, judgeApproved, humanDecided, autonomy);
	}
}
