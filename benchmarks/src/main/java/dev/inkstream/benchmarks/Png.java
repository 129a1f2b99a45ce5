package dev.inkstream.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Writes small, valid, single-colour PNG images.
 *
 * <p>The image data is stored in an uncompressed deflate block on purpose: {@code Deflater}
 * delegates to the platform's zlib, whose output may differ between machines, and the corpus
 * must be byte-identical for a given seed everywhere. The images are tiny, so size is no
 * concern; what matters is that the pipeline sees real binary assets next to the pages.
 */
final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int BYTES_PER_PIXEL = 3;
    private static final byte BIT_DEPTH = 8;
    private static final byte COLOUR_TYPE_RGB = 2;

    static byte[] solid(int width, int height, int rgb) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        writeChunk(png, "IHDR", ByteBuffer.allocate(13)
                .putInt(width).putInt(height)
                .put(BIT_DEPTH).put(COLOUR_TYPE_RGB)
                .put((byte) 0).put((byte) 0).put((byte) 0) // deflate, adaptive filtering, no interlace
                .array());
        writeChunk(png, "IDAT", storedZlib(scanlines(width, height, rgb)));
        writeChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] scanlines(int width, int height, int rgb) {
        int stride = 1 + width * BYTES_PER_PIXEL;
        byte[] raw = new byte[stride * height];
        for (int row = 0; row < height; row++) {
            // raw[row * stride] stays 0: filter type "None" for every scanline.
            for (int column = 0; column < width; column++) {
                int offset = row * stride + 1 + column * BYTES_PER_PIXEL;
                raw[offset] = (byte) (rgb >> 16);
                raw[offset + 1] = (byte) (rgb >> 8);
                raw[offset + 2] = (byte) rgb;
            }
        }
        return raw;
    }

    /** A zlib stream holding {@code data} in one stored (uncompressed) deflate block. */
    private static byte[] storedZlib(byte[] data) {
        if (data.length > 0xffff) {
            throw new IllegalArgumentException("one stored deflate block holds at most 65535 bytes");
        }
        Adler32 adler = new Adler32();
        adler.update(data);
        return ByteBuffer.allocate(2 + 5 + data.length + 4)
                .put((byte) 0x78).put((byte) 0x01)   // zlib header: deflate, 32 KiB window, no dictionary
                .put((byte) 0x01)                    // final block, stored
                .putShort(Short.reverseBytes((short) data.length))
                .putShort(Short.reverseBytes((short) ~data.length))
                .put(data)
                .putInt((int) adler.getValue())
                .array();
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private Png() {}
}
