package org.doublerandom.inspection.plan;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One row of an entry's sampling table: the credit class and its {@link Sampling}. */
@Embeddable
public class ClassSampling {

	@Enumerated(EnumType.STRING)
	@Column(name = "credit_class")
	private CreditBand band;

	@Column(name = "rate_bp")
	private Integer rateBasisPoints;

	private Integer fixedCount;

	protected ClassSampling() {
	}

	ClassSampling(CreditBand band, Sampling sampling) {
		this.band = Objects.requireNonNull(band);
		this.rateBasisPoints = sampling.rateBasisPoints();
		this.fixedCount = sampling.fixedCount();
	}

	public CreditBand getBand() {
		return this.band;
	}

	public Sampling sampling() {
		return new Sampling(this.rateBasisPoints, this.fixedCount);
	}

	public Integer getRateBasisPoints() {
		return this.rateBasisPoints;
	}

	/** The rate as a percentage without trailing zeros (350 → "3.5"), or null for a fixed count. */
	public String getRatePercent() {
		return (this.rateBasisPoints == null) ? null
				: java.math.BigDecimal.valueOf(this.rateBasisPoints, 2).stripTrailingZeros().toPlainString();
	}

	public Integer getFixedCount() {
		return this.fixedCount;
	}

}
