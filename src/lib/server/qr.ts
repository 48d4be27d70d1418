import QRCode from 'qrcode';

/**
 * A QR code of `text` as an SVG element, made on the server: a printed page carries it without
 * scripts, and it scales to any printer's resolution. Error correction M survives a smudged copy.
 */
export async function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 0, color: { dark: '#000000', light: '#ffffff' } });
}
