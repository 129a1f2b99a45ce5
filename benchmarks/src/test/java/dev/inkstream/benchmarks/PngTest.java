package dev.inkstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {

    @Test
    void decodesAsAnImageOfTheRequestedSizeAndColour() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Png.solid(24, 16, 0x3366cc)));

        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(24);
        assertThat(image.getHeight()).isEqualTo(16);
        assertThat(image.getRGB(23, 15) & 0xffffff).isEqualTo(0x3366cc);
    }
}
