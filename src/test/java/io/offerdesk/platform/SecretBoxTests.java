package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTests {

    static final String KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    final SecretBox box = new SecretBox(KEY);

    @Test
    void opensWhatItSealedWithoutStoringThePlainText() {
        var sealed = box.seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKODEXAMPLE");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("wJalrXUtnFEMI");
        assertThat(box.open(sealed, "AKODEXAMPLE")).isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        assertThat(box.seal("secret", "AKOD1")).isNotEqualTo(box.seal("secret", "AKOD1"));
    }

    @Test
    void refusesACiphertextMovedToAnotherKeyId() {
        var sealed = box.seal("secret", "AKOD1");
        assertThatIllegalStateException().isThrownBy(() -> box.open(sealed, "AKOD2"));
    }

    @Test
    void refusesToOpenUnderAnotherMasterKey() {
        var sealed = box.seal("secret", "AKOD1");
        assertThatIllegalStateException().isThrownBy(() -> new SecretBox(OTHER_KEY).open(sealed, "AKOD1"));
    }

    @Test
    void refusesToStartWithoutA32ByteMasterKey() {
        assertThatIllegalStateException().isThrownBy(() -> new SecretBox(""));
        assertThatIllegalStateException().isThrownBy(() -> new SecretBox("not base64!"));
        assertThatIllegalStateException()
                .isThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
