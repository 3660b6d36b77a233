import { Flex, Spin } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The otpauth:// URI as a QR code for the authenticator app to scan. */
export function TotpQrCode({ uri }: { uri: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setSrc(null);
    QRCode.toDataURL(uri, { width: 200, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => {
        if (current) setSrc(url);
      })
      .catch(() => {
        if (current) setSrc(null);
      });
    return () => {
      current = false;
    };
  }, [uri]);
  return (
    <Flex
      align="center"
      justify="center"
      style={{ width: 216, height: 216, border: '1px solid #e6e9ef', borderRadius: 8, background: '#fff' }}
    >
      {src ? <img src={src} width={200} height={200} alt="双因素认证二维码，请用验证器扫描" /> : <Spin />}
    </Flex>
  );
}
