package io.txlab.support.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminTokenTest {

    private static final String SIXTEEN = "0123456789abcdef";

    @Test
    void aTokenShorterThanSixteenCharactersStopsTheServiceWithoutRepeatingIt() {
        assertThatThrownBy(() -> new AdminToken("s3cret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TXLAB_ADMIN_TOKEN is 6 characters long")
                .hasMessageContaining("at least 16")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new AdminToken(SIXTEEN.substring(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sixteenCharactersAreEnoughAndOnlyTheExactTokenIsAllowed() {
        AdminToken token = new AdminToken(SIXTEEN);

        assertThat(token.check(SIXTEEN)).isEqualTo(AdminToken.Verdict.ALLOWED);
        assertThat(token.check(SIXTEEN.substring(1))).isEqualTo(AdminToken.Verdict.WRONG_OR_MISSING);
        assertThat(token.check(SIXTEEN + "0")).isEqualTo(AdminToken.Verdict.WRONG_OR_MISSING);
        assertThat(token.check(null)).isEqualTo(AdminToken.Verdict.WRONG_OR_MISSING);
    }

    @Test
    void noTokenOrABlankOneTurnsTheAdminEndpointsOff() {
        assertThat(new AdminToken(null).check(SIXTEEN)).isEqualTo(AdminToken.Verdict.NOT_CONFIGURED);
        assertThat(new AdminToken("   ").check("   ")).isEqualTo(AdminToken.Verdict.NOT_CONFIGURED);
    }
}
