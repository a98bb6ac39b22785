package tech.aiqem.chimera.wallet.chain;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsdcUnitsUnitTests {

	@Test
	void amountsBecomeExactSixDecimalUnits() {
		assertThat(UsdcUnits.toUnits(new BigDecimal("12.345678"))).isEqualTo(BigInteger.valueOf(12_345_678));
		assertThat(UsdcUnits.toUnits(new BigDecimal("0.01"))).isEqualTo(BigInteger.valueOf(10_000));
		assertThat(UsdcUnits.toUnits(new BigDecimal("1.500000000"))).isEqualTo(BigInteger.valueOf(1_500_000));
		assertThat(UsdcUnits.toUnits(new BigDecimal("1E+3"))).isEqualTo(BigInteger.valueOf(1_000_000_000));
		assertThat(UsdcUnits.fromUnits(BigInteger.valueOf(1))).isEqualByComparingTo("0.000001");
	}

	@Test
	void moreThanSixDecimalsOrNegativeAmountsAreRefused() {
		assertThatThrownBy(() -> UsdcUnits.toUnits(new BigDecimal("0.0000001")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("6 decimals");
		assertThatThrownBy(() -> UsdcUnits.toUnits(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void transferCallDataIsTheErc20Selector() {
		String data = EvmChain.transferData("0x" + "ab".repeat(20), BigInteger.valueOf(1_500_000));
		// transfer(address,uint256) = 0xa9059cbb; address and amount as 32-byte words
		assertThat(data).isEqualTo("0xa9059cbb" + "0".repeat(24) + "ab".repeat(20) + "0".repeat(58) + "16e360");
	}

	@Test
	void rpcUrlsAreRedactedBecauseProvidersPutKeysInThem() {
		NetworkSettings settings = new NetworkSettings("https://base-mainnet.g.alchemy.com/v2/SECRETKEY",
				"0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", 8453, 100_000);
		assertThat(settings.toString()).doesNotContain("SECRETKEY").contains("base-mainnet.g.alchemy.com");
	}
}
