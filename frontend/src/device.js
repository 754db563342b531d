// What the phone itself gives a visit: a photo from the camera and, when she asks for it, roughly
// where she is. Both are reduced here, before anything is kept or sent.

const PHOTO_SIDE = 1600; // pixels on the longer side: enough to read a document or see an injury
const PHOTO_QUALITY = 0.8;

function base64Of(blob) {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result).split(",", 2)[1]);
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(blob);
	});
}

// The photo drawn again as a JPEG: smaller (it is queued on the phone and sent over a slow
// connection) and without the camera's metadata — a phone photo carries the exact GPS position of
// where it was taken, which is the victim's home. The server strips metadata again (api/field.py).
export async function shrinkPhoto(file) {
	const bitmap = await createImageBitmap(file);
	const scale = Math.min(1, PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
	const canvas = document.createElement("canvas");
	canvas.width = Math.round(bitmap.width * scale);
	canvas.height = Math.round(bitmap.height * scale);
	canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
	bitmap.close?.();
	const blob = await new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob"))), "image/jpeg", PHOTO_QUALITY),
	);
	const data = await base64Of(blob);
	return {
		file_name: `visit-photo-${Date.now()}.jpg`,
		data,
		preview: `data:image/jpeg;base64,${data}`,
		kb: Math.round(blob.size / 1024),
	};
}

// Roughly where the phone is: two decimals of a degree (about 1 km), never the exact position.
// Asked only when she ticks the box for this visit; the server rounds again.
export function coarseLocation() {
	return new Promise((resolve, reject) => {
		if (!navigator.geolocation) {
			reject(new Error("no geolocation"));
			return;
		}
		navigator.geolocation.getCurrentPosition(
			({ coords }) => resolve(`${coords.latitude.toFixed(2)},${coords.longitude.toFixed(2)}`),
			reject,
			{ enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
		);
	});
}
