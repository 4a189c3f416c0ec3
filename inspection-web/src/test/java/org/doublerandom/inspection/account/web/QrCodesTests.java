package org.doublerandom.inspection.account.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.doublerandom.inspection.account.Base32;
import org.doublerandom.inspection.account.Totp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTests {

	@Test
	void theEnrolmentQrCodeReadsBackAsTheOtpauthUriWithTheChineseIssuer() throws Exception {
		String uri = Totp.uri("鄂尔多斯双随机一公开", "sysadmin", Base32.decode("N5ZGI33TFVSGK3LPFV2G65DQFUZDAMRW"));
		String dataUri = QrCodes.pngDataUri(uri);
		assertThat(dataUri).startsWith("data:image/png;base64,");

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(
				Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()))));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		String read = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
		assertThat(read).isEqualTo(uri).contains("secret=N5ZGI33TFVSGK3LPFV2G65DQFUZDAMRW");
	}

}
