// Placeholder replaced by the database template preparation.
export default function setup(): void {}
